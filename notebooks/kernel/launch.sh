#!/usr/bin/env bash
# Starts the rapaio Java kernel for one notebook (argv of kernel.json, written by setup.sh).
# When PIKAN_KERNEL_PIDS names a file, the kernel's pid is appended to it first, so run-all.sh
# can kill a kernel its client left behind (the kernel ignores SIGTERM).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ -n "${PIKAN_KERNEL_PIDS:-}" ]]; then
  echo $$ >>"$PIKAN_KERNEL_PIDS"
fi
# patch/ holds the LoopThread that closes the kernel's start-up race: it must come first.
exec "${PIKAN_JAVA:-java}" -Djava.awt.headless=true -XX:+UseParallelGC \
  -cp "$here/patch:$here/rapaio-jupyter-kernel.jar" org.rapaio.jupyter.kernel.MainApp "$1"
