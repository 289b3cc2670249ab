# Sourced by the JMH runner scripts, from the repository root: builds the benchmarks in the
# reactor (no install), sets the runtime's flags (see the README: a passive OpenMP wait policy,
# one OpenBLAS thread, no per-tensor physical-memory accounting in JavaCPP; native access on
# JDK 21+) and defines `jmh BENCHMARK-REGEX [JMH options]`, which runs JMH with them.
# BENCH_BUILT=1 says the benchmarks are built already (scripts/bench-smoke.sh builds once for all
# of them: each build recompiles tensor-runtime, whose op forms every build regenerates).
if [ "${BENCH_BUILT:-0}" != 1 ]; then
  mvn -q -B -pl benchmarks -am package -DskipTests
fi

export OMP_WAIT_POLICY=PASSIVE
export OPENBLAS_NUM_THREADS=1
jmh_flags=(-Dorg.bytedeco.javacpp.maxPhysicalBytes=0)
if java -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = \(2[1-9]\|[3-9][0-9]\)'; then
  jmh_flags+=(--enable-native-access=ALL-UNNAMED)
fi
jmh_cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"

jmh() { java "${jmh_flags[@]}" -cp "$jmh_cp" org.openjdk.jmh.Main "$@"; }
