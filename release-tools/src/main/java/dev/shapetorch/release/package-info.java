/**
 * Tools of the release build, not published: {@link dev.shapetorch.release.ApiCheck} (the
 * API baseline and its compatibility check), {@link dev.shapetorch.release.StagingCheck} (a
 * staged repository against Maven Central's rules) and {@link
 * dev.shapetorch.release.JarCompare} (two builds' artifacts, byte for byte). The scripts
 * {@code scripts/api-check.sh} and {@code scripts/release-check.sh} run them; docs/releasing.md
 * says when.
 */
package dev.shapetorch.release;
