#!/usr/bin/env bash
# Executes every notebook in notebooks/ headlessly (after setup.sh) and saves the executed copies,
# outputs and images included, under notebooks/build/executed/; logs go to notebooks/build/logs/.
# A notebook fails when a cell fails, when it runs past NOTEBOOK_TIMEOUT seconds (default 300),
# or when its kernel does not start. Prints "N passed, N failed"; exits 1 on any failure.
#   notebooks/run-all.sh [notebook.ipynb ...]     (default: all of notebooks/*.ipynb)
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/build/executed"
logs="$here/build/logs"
limit="${NOTEBOOK_TIMEOUT:-300}"
if [[ ! -f "$here/build/jupyter/kernels/pikan-java/kernel.json" ]]; then
  echo "run-all.sh: no kernel; run notebooks/setup.sh first" >&2
  exit 2
fi
export JUPYTER_PATH="$here/build/jupyter"
mkdir -p "$out" "$logs"

# Kills what is left of the kernels listed in a pid file (launch.sh writes them): nbconvert may
# have been killed before it could shut its kernel down, and the kernel ignores SIGTERM.
kill_kernels() {
  local pid
  [[ -f "$1" ]] || return 0
  while read -r pid; do
    if [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q rapaio-jupyter-kernel; then
      echo "  killing kernel $pid, left running" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done <"$1"
}

# Counts the images among a notebook's outputs.
count_images() {
  /usr/bin/python3 -c 'import json, sys
cells = json.load(open(sys.argv[1]))["cells"]
print(sum("image/png" in o.get("data", {}) for c in cells for o in c.get("outputs", [])))' "$1"
}

if [[ $# -gt 0 ]]; then notebooks=("$@"); else notebooks=("$here"/*.ipynb); fi
passed=0
failed=0
start=$SECONDS
for notebook in "${notebooks[@]}"; do
  name="$(basename "$notebook" .ipynb)"
  pids="$logs/$name.pids"
  rm -f "$pids" "$out/$name.ipynb"
  began=$SECONDS
  # Startup timeout: the kernel is ready in ~4 s on an idle 2-core machine, ~20 s on a loaded one.
  PIKAN_KERNEL_PIDS="$pids" timeout -s KILL "$limit" /usr/bin/jupyter nbconvert --to notebook --execute \
    --ExecutePreprocessor.kernel_name=pikan-java --ExecutePreprocessor.timeout=-1 \
    --ExecutePreprocessor.startup_timeout=120 --output-dir "$out" "$notebook" >"$logs/$name.log" 2>&1
  rc=$?
  kill_kernels "$pids"
  seconds=$((SECONDS - began))
  if [[ $rc -eq 0 ]]; then
    passed=$((passed + 1))
    echo "passed  $name  ${seconds} s, $(count_images "$out/$name.ipynb") images"
  else
    failed=$((failed + 1))
    reason="exit $rc"
    [[ $rc -eq 137 ]] && reason="killed after ${limit} s"
    echo "FAILED  $name  ${seconds} s ($reason); log: $logs/$name.log"
    # the failing cell's error (the log ends with the cell's source and the kernel's message)
    sed 's/\x1b\[[0-9;]*m//g' "$logs/$name.log" | grep -v '^\s*$' | tail -n 12 | sed 's/^/    /'
  fi
done
echo "$passed passed, $failed failed ($((SECONDS - start)) s)"
[[ $failed -eq 0 ]]
