# Sourced by run.sh and accuracy.sh: sets PYTHON (Debian's torch 1.13) and PY_LIBS, a temporary
# directory that puts the OpenBLAS JavaCPP unpacked (~/.javacpp/cache, filled by any ShapeTorch
# test run) first under the sonames PyTorch asks for. Debian links torch against the reference
# BLAS, ~20x slower at matmul than OpenBLAS, so without this the comparison would measure BLAS
# builds rather than the libraries. The directory is removed when the calling script exits.
PYTHON=/usr/bin/python3
_openblas=$(find "$HOME/.javacpp/cache" -path '*openblas*linux-x86_64/libopenblas.so.0' 2>/dev/null | head -1 || true)
if [[ -z "$_openblas" ]]; then
  echo "$(basename "$0"): no OpenBLAS in ~/.javacpp/cache; run any ShapeTorch test once to unpack it" >&2
  exit 1
fi
PY_LIBS=$(mktemp -d)
trap 'rm -rf "$PY_LIBS"' EXIT
for _so in libblas.so.3 liblapack.so.3; do ln -s "$_openblas" "$PY_LIBS/$_so"; done
for _so in libgfortran.so.5 libquadmath.so.0; do
  if [[ -e "$(dirname "$_openblas")/$_so" ]]; then ln -s "$(dirname "$_openblas")/$_so" "$PY_LIBS/$_so"; fi
done
