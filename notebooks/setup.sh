#!/usr/bin/env bash
# Installs what the notebooks need and registers the Java kernel "pikan-java":
#   - Jupyter's nbconvert from Debian packages, when missing (with --browser also the classic
#     notebook server, for `jupyter notebook`);
#   - the project's jar and its dependencies (validation/target), built when missing;
#   - rapaio-jupyter-kernel from Maven Central, with a patched loop thread ahead of it
#     (notebooks/kernel/LoopThread.java: the kernel's start-up race);
#   - notebooks/build/jupyter/kernels/pikan-java/kernel.json.
# Then `JUPYTER_PATH=notebooks/build/jupyter` makes Jupyter see the kernel.
# Environment: MVN_FLAGS (extra Maven flags, e.g. -o for offline), JAVA_HOME (the JDK to run).
set -euo pipefail

KERNEL_ARTIFACT=io.github.padreati:rapaio-jupyter-kernel:3.0.1
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.6.1

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
kernel_dir="$here/build/jupyter/kernels/pikan-java"
browser=false
for arg in "$@"; do
  case "$arg" in
    --browser) browser=true ;;
    *) echo "setup.sh: unknown argument '$arg'; valid: --browser" >&2; exit 2 ;;
  esac
done
start=$SECONDS

as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "setup.sh: need root (or sudo) to run: $*" >&2; exit 1
  fi
}

# Maven, quiet; -q still prints colour resets (Maven 3.8), which are dropped here with blank lines.
maven() {
  mvn -B -q ${MVN_FLAGS:-} "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | { grep -v '^[[:space:]]*$' || true; }
}

apt_install() {
  echo "setup.sh: installing Debian packages: $*"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# 1. Jupyter from Debian: its jupyter runs on /usr/bin/python3, whatever python3 is first on PATH.
if [[ ! -x /usr/bin/jupyter-nbconvert ]] || ! /usr/bin/python3 -c 'import nbclient' 2>/dev/null; then
  apt_install jupyter-nbconvert
fi
if $browser && [[ ! -x /usr/bin/jupyter-notebook ]]; then
  apt_install jupyter-notebook
fi

# 2. The project's classes and dependencies, which the notebooks import.
if [[ ! -f "$root/validation/target/pikan.jar" || ! -d "$root/validation/target/lib" ]]; then
  echo "setup.sh: building the project (mvn -DskipTests package)"
  (cd "$root" && maven -DskipTests package)
fi

# 3. The kernel jar from Maven Central (run outside any pom, so only the one artifact is copied).
mkdir -p "$kernel_dir"
if [[ ! -f "$kernel_dir/rapaio-jupyter-kernel.jar" ]]; then
  echo "setup.sh: fetching $KERNEL_ARTIFACT"
  (cd "$kernel_dir" && maven "$DEPENDENCY_PLUGIN:copy" -Dartifact="$KERNEL_ARTIFACT" \
    -DoutputDirectory="$kernel_dir" -Dmdep.stripVersion=true)
fi

# 4. The patched loop thread, compiled against the kernel jar.
if [[ -n "${JAVA_HOME:-}" ]]; then java_bin="$JAVA_HOME/bin/java"; javac_bin="$JAVA_HOME/bin/javac"; else
  java_bin="$(readlink -f "$(command -v java)")"; javac_bin="$(readlink -f "$(command -v javac)")"
fi
rm -rf "$kernel_dir/patch"
"$javac_bin" --release 17 -nowarn -cp "$kernel_dir/rapaio-jupyter-kernel.jar" -d "$kernel_dir/patch" \
  "$here/kernel/LoopThread.java"
cp "$here/kernel/launch.sh" "$kernel_dir/launch.sh"

# 5. The kernel spec. RJK_CLASSPATH (';'-separated, globs allowed) is the notebooks' class path.
cat >"$kernel_dir/kernel.json" <<EOF
{
  "argv": ["bash", "{resource_dir}/launch.sh", "{connection_file}"],
  "display_name": "Java (pikan4j)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {
    "PIKAN_JAVA": "$java_bin",
    "RJK_TIMEOUT_MILLIS": "-1",
    "RJK_CLASSPATH": "$root/validation/target/pikan.jar;$root/validation/target/lib/*"
  }
}
EOF
echo "setup.sh: kernel pikan-java ready in $kernel_dir ($((SECONDS - start)) s)"
echo "  run them: $here/run-all.sh; open them (after setup.sh --browser): JUPYTER_PATH=$here/build/jupyter /usr/bin/jupyter notebook $here"
