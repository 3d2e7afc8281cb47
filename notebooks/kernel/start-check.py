#!/usr/bin/python3
"""Starts the pikan-java kernel N times and counts the starts that answer in time.

Each start waits for kernel_info (as nbconvert does), runs one Java statement, and shuts the
kernel down (killed if it hangs). Kernel logs: notebooks/build/logs/start-check.log. With --unpatched the kernel runs from a copy of its spec
without the patched LoopThread, to measure the stock kernel's start-up race.

    /usr/bin/python3 notebooks/kernel/start-check.py 30 [--unpatched] [--timeout 20]
"""
import argparse
import os
import subprocess
import shutil
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

HERE = os.path.dirname(os.path.abspath(__file__))
JUPYTER_DIR = os.path.join(HERE, "..", "build", "jupyter")


def kernels_path(unpatched):
    """The JUPYTER_PATH entry to use: the built one, or a copy without the patch."""
    if not unpatched:
        return os.path.abspath(JUPYTER_DIR)
    copy = tempfile.mkdtemp(prefix="pikan-kernel-")
    shutil.copytree(os.path.join(JUPYTER_DIR, "kernels"), os.path.join(copy, "kernels"))
    shutil.rmtree(os.path.join(copy, "kernels", "pikan-java", "patch"))
    return copy


def start_once(timeout, log):
    """Seconds to a running kernel that executed a statement, or None when it hung."""
    km = KernelManager(kernel_name="pikan-java")
    began = time.time()
    km.start_kernel(stdout=log, stderr=subprocess.STDOUT)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=timeout)
        reply = kc.execute_interactive("int answer = 6 * 7;", timeout=timeout)
        return time.time() - began if reply["content"]["status"] == "ok" else None
    except RuntimeError:
        return None
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("starts", type=int)
    parser.add_argument("--unpatched", action="store_true")
    parser.add_argument("--timeout", type=float, default=20.0)
    args = parser.parse_args()
    os.environ["JUPYTER_PATH"] = kernels_path(args.unpatched)
    os.makedirs(os.path.join(HERE, "..", "build", "logs"), exist_ok=True)
    log = open(os.path.join(HERE, "..", "build", "logs", "start-check.log"), "w")
    times, hung = [], 0
    for i in range(args.starts):
        print(f"--- start {i + 1}", file=log, flush=True)
        seconds = start_once(args.timeout, log)
        if seconds is None:
            hung += 1
        else:
            times.append(seconds)
        print(f"start {i + 1}: {'hung' if seconds is None else f'{seconds:.1f} s'}", flush=True)
    label = "unpatched" if args.unpatched else "patched"
    summary = f"{label}: {len(times)}/{args.starts} started, {hung} hung"
    if times:
        summary += f"; ready in {min(times):.1f}-{max(times):.1f} s (mean {sum(times) / len(times):.1f} s)"
    print(summary)
    return 1 if hung else 0


if __name__ == "__main__":
    sys.exit(main())
