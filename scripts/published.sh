# What ShapeTorch publishes (docs/releasing.md, "What is published"); sourced by
# scripts/release-check.sh and scripts/api-check.sh. The other modules (samples,
# processor-tests, benchmarks, release-tools) set maven.deploy.skip and are not published;
# release-check fails if anything else is staged.

# POM-only artifacts: the BOM and the parent POM that the modules' POMs inherit from.
PUBLISHED_POMS=(shapetorch-bom shapetorch-parent)
# Jar modules (directory = artifactId), each with its Automatic-Module-Name: the name a
# user's module-info.java requires, stable from release to release.
PUBLISHED_JARS=(shapes-annotations shapes-processor tensor-runtime backprop shapetorch-monitor)
declare -A MODULE_NAMES=(
  [shapes-annotations]=dev.shapetorch.shapes
  [shapes-processor]=dev.shapetorch.checker
  [tensor-runtime]=dev.shapetorch.tensor
  [backprop]=dev.shapetorch.backprop
  [shapetorch-monitor]=dev.shapetorch.monitor
)
