# Sourced by the Java benchmarks (a subfolder, so ./tutorial bench does not run it as one): builds the Maven module
# bench/ where needed and sets BENCH_CP to its classes and dependencies, for ND4J's natives of the build profile
# $BENCH_PROFILE ("" for the default build's, or e.g. -Pgeneric, -Pavx512); then loads the library's process environment.
CP_FILE="$ROOT/bench/target/classpath${BENCH_PROFILE:+-${BENCH_PROFILE#-P}}.txt"
if [[ ! -f "$CP_FILE" || ! -d "$ROOT/bench/target/classes" ]]; then
  # With -am the library is built too and the classpath names its target/classes; the bench module's file is written last.
  (cd "$ROOT" && mvn -q -pl bench -am ${BENCH_PROFILE:-} -DskipTests compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE")
fi
BENCH_CP="$ROOT/bench/target/classes:$(cat "$CP_FILE")"
. "$ROOT/lib/process-env.sh"   # the JVM environment: one OpenMP thread, malloc that reuses memory
