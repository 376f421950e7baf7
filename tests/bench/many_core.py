#!/usr/bin/env python3
"""many_core.py: the benchmark's scaling section where there is no Node.js (issue 16).

Owns: serving a built playground with COOP/COEP, driving a headless Chromium through the public
interface only (URL settings with autorun=1, the embed `run-finished` message), running the native
rayon baseline (examples/native_fib.rs) with the same n and tasks, and printing the scaling table
of scripts/bench.sh with its pass/short lines. Python 3 standard library only.

    python3 tests/bench/many_core.py --dist dist --browser /usr/bin/chromium-headless-shell \\
        --native target/native-speed/examples/native_fib [--threads 1,2,4,8,16] [--quick]

Writes OUT/results.jsonl (every run-finished payload) and OUT/summary.json. Budgets are reported,
never asserted: the exit status is non-zero only if something failed to run.
"""

import argparse
import base64
import functools
import http.server
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PARENT = os.path.join(HERE, "many_core_parent.html")
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--mute-audio",
]


def thread_counts(cores, wanted):
    """1, 2, 4, 8, 12, 16, ... up to the core count, and the core count itself."""
    if wanted:
        return sorted({int(t) for t in wanted.split(",") if t.strip()})
    counts = [t for t in (1, 2, 4, 8, 12, 16, 24, 32) if t <= cores]
    return sorted(set(counts + [cores]))


class Collector:
    """Receives the parent page's POSTs; `done` is set when all expected results arrived."""

    def __init__(self, expected, out_path):
        self.expected, self.out_path, self.records = expected, out_path, []
        self.done = threading.Event()
        self.lock = threading.Lock()

    def add(self, rec):
        with self.lock:
            self.records.append(rec)
            with open(self.out_path, "a", encoding="utf-8") as f:
                f.write(json.dumps(rec) + "\n")
            n = len(self.records)
        err = rec.get("error") or ""
        log(f"{n}/{self.expected} {rec.get('query', '')[:100]} {err}")
        if n >= self.expected:
            self.done.set()


def make_handler(dist, collector):
    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                          ".wasm": "application/wasm", ".js": "text/javascript"}

        def translate_path(self, path):
            if path.split("?", 1)[0] == "/__bench/parent.html":
                return PARENT
            return super().translate_path(path)

        def end_headers(self):
            # Cross-origin isolation (shared memory for the thread models), as Trunk.toml's serve.
            self.send_header("Cross-Origin-Opener-Policy", "same-origin")
            self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
            self.send_header("Cross-Origin-Resource-Policy", "same-origin")
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(204)
            self.end_headers()
            collector.add(json.loads(body))

        def log_message(self, *args):
            pass

    return functools.partial(Handler, directory=dist)


def log(msg):
    print(f"[many-core] {msg}", file=sys.stderr, flush=True)


def run_browser(browser, dist, queries, out_dir, timeout_s):
    """Runs `queries` one after another in fresh iframes; returns the collected records."""
    results = os.path.join(out_dir, "results.jsonl")
    open(results, "w").close()
    collector = Collector(len(queries), results)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), make_handler(dist, collector))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    q = base64.b64encode(json.dumps(queries).encode()).decode()
    url = f"http://127.0.0.1:{port}/__bench/parent.html?q={q}&timeout_ms={int(timeout_s * 1000)}"
    profile = tempfile.mkdtemp(prefix="many-core-profile-")
    headless = [] if "headless-shell" in os.path.basename(browser) else ["--headless"]
    with open(os.path.join(out_dir, "browser.log"), "w") as blog:
        proc = subprocess.Popen([browser, *headless, *FLAGS, f"--user-data-dir={profile}",
                                 "--remote-debugging-port=0", url], stdout=blog, stderr=blog)
    try:
        deadline = time.time() + timeout_s * len(queries)
        while not collector.done.wait(1):
            if proc.poll() is not None:
                log(f"the browser exited early ({proc.returncode}); see {out_dir}/browser.log")
                break
            if time.time() > deadline:
                log("timed out")
                break
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        server.shutdown()
        shutil.rmtree(profile, ignore_errors=True)
    return collector.records


def lanes_of(run):
    """Tasks per lane, the idle tail (wall - earliest end of a lane's last task), task times, and
    each lane's median task time: lanes of one run that differ a lot ran on cores of different
    speed (hybrid CPUs, two threads sharing a core), which no scheduling of ours can even out."""
    lanes = {}
    for t in run["tasks"]:
        lane = lanes.setdefault(t["lane"], {"n": 0, "last": 0.0, "times": []})
        lane["n"] += 1
        lane["last"] = max(lane["last"], t["end_ms"])
        lane["times"].append(t["end_ms"] - t["start_ms"])
    times = [t["end_ms"] - t["start_ms"] for t in run["tasks"]]
    speeds = sorted(statistics.median(v["times"]) for v in lanes.values())
    return {
        "tasks_per_lane": sorted((v["n"] for v in lanes.values()), reverse=True),
        "tail_ms": run["wall_ms"] - min(v["last"] for v in lanes.values()),
        "task_ms": statistics.median(times), "task_max_ms": max(times),
        "lane_task_ms": [speeds[0], speeds[-1]],
    }


def summarise(records, native, args):
    rows, problems, seq_per_call = [], [], []
    nat = {s["threads"]: s for s in (native or {}).get("scaling", [])}
    for rec in records:
        if "payload" not in rec:
            problems.append(f"{rec.get('query')}: {rec.get('error')}")
            continue
        p = rec["payload"]
        runs = {r["model"]: r for r in p["runs"]}
        seq, thr = runs.get("sequential"), runs.get("threads")
        if not (seq and thr and seq["status"] == "ok" and thr["status"] == "ok"):
            problems.append(f"{rec['query']}: " + ", ".join(f"{m} {r['status']}" for m, r in runs.items()))
            continue
        t = p["config"]["threads"]
        tasks = p["config"]["tasks"]
        seq_per_call.append(seq["wall_ms"] / tasks)
        samples = thr.get("wall_ms_samples") or [thr["wall_ms"]]
        speedup = seq["wall_ms"] / thr["wall_ms"]
        native_speedup = nat.get(t, {}).get("speedup")
        rows.append({
            "threads": t, "cores": p["environment"].get("hardware_concurrency"),
            "pool_start_ms": p["environment"].get("pool_start_ms"),
            "sequential_ms": seq["wall_ms"], "sequential_samples": seq.get("wall_ms_samples"),
            "threads_ms": thr["wall_ms"], "speedup": speedup,
            "speedup_min": seq["wall_ms"] / max(samples), "speedup_max": seq["wall_ms"] / min(samples),
            "native_speedup": native_speedup,
            "of_native": speedup / native_speedup if native_speedup else None,
            "sequential_task_ms": lanes_of(seq)["task_ms"], **lanes_of(thr),
        })
    return rows, problems, seq_per_call


def fmt(x, d=2):
    return "-" if x is None else f"{x:.{d}f}"


def report(rows, problems, seq_per_call, native, args, meta):
    out = [f"Concurrency Playground many-core benchmark, {meta['started']}, {meta['duration_s']:.0f} s",
           f"{meta['cores']} cores ({meta['cpu']}), {meta['browser']}, Python {platform.python_version()}",
           f"{args.tasks} x fib({args.n}), repeat {args.repeat} per load; one page load per thread count; "
           "times: median [min-max]", ""]
    head = ["threads", "sequential", "threads", "speedup [spread]", "native rayon", "of native",
            "one task: seq / threads [max]", "lanes' median task", "tasks per lane", "idle tail"]
    table = [head] + [[
        str(r["threads"]), f"{r['sequential_ms']:.0f} ms", f"{r['threads_ms']:.0f} ms",
        f"{r['speedup']:.2f}x [{r['speedup_min']:.2f}-{r['speedup_max']:.2f}]",
        f"{fmt(r['native_speedup'])}x", f"{fmt(r['of_native'])}",
        f"{r['sequential_task_ms']:.1f} / {r['task_ms']:.1f} [{r['task_max_ms']:.1f}] ms",
        f"{r['lane_task_ms'][0]:.1f}-{r['lane_task_ms'][1]:.1f} ms",
        "/".join(map(str, r["tasks_per_lane"])) if len(r["tasks_per_lane"]) <= 16
        else f"{max(r['tasks_per_lane'])}-{min(r['tasks_per_lane'])}",
        f"{r['tail_ms']:.1f} ms"] for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    out += ["  " + "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in table]
    budgets = []
    if native:
        wasm = statistics.median(seq_per_call) if seq_per_call else None
        out += ["", f"fib({args.n}) per call: WASM (sequential model, median of the loads) {fmt(wasm)} ms; "
                f"native (opt-level 3, LTO) {fmt(native['per_call_ms'])} ms; "
                f"WASM / native {fmt(wasm / native['per_call_ms'] if wasm else None)}x"]
        worst = min((r for r in rows if r["of_native"]), key=lambda r: r["of_native"], default=None)
        if worst:
            budgets.append(("threads speedup >= 0.9x native rayon's, every thread count",
                            f"worst {worst['of_native']:.2f} at {worst['threads']} threads", worst["of_native"] >= 0.9))
    if len(seq_per_call) > 1:
        spread = max(seq_per_call) / min(seq_per_call) - 1
        budgets.append(("sequential agrees across page loads (within 5%)",
                        f"{spread * 100:.1f}% ({', '.join(f'{x:.2f}' for x in seq_per_call)} ms per call)", spread <= 0.05))
    out += ["", "Budgets (reported, not asserted)"]
    out += [f"  {'pass ' if ok else 'short'}  {name}: {value}" for name, value, ok in budgets]
    if problems:
        out += ["", "FAILED TO RUN:"] + [f"  {p}" for p in problems]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dist", required=True, help="the built site (scripts/build.sh: dist/)")
    ap.add_argument("--browser", required=True, help="chromium-headless-shell or chromium")
    ap.add_argument("--native", help="examples/native_fib built with --profile native-speed")
    ap.add_argument("--out", default="target/bench/many-core")
    ap.add_argument("--threads", help="comma list (default: 1, 2, 4, 8, 12, 16, ... up to the cores)")
    ap.add_argument("--n", type=int, default=34)
    ap.add_argument("--tasks", type=int, default=64)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="fib(30) x 16, repeat 1: checks that it runs")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per page load")
    args = ap.parse_args()
    if args.quick:
        args.n, args.tasks, args.repeat = 30, 16, 1
    for path, what in ((args.dist, "--dist"), (args.browser, "--browser")):
        if not os.path.exists(path):
            sys.exit(f"{what} {path}: not found")
    os.makedirs(args.out, exist_ok=True)
    cores = os.cpu_count() or 1
    counts = thread_counts(cores, args.threads)
    started = time.time()
    queries = [f"workload=fib&models=sequential,threads&n={args.n}&tasks={args.tasks}&threads={t}"
               f"&repeat={args.repeat}&autorun=1" for t in counts]
    native = None
    if args.native:
        # Same n and tasks, every pool size up to the largest asked for; before the browser, so
        # that neither runs while the other does.
        log(f"native rayon, 1..{max(counts)} threads")
        cmd = [args.native, "--n", str(args.n), "--tasks", str(args.tasks),
               "--max-threads", str(max(counts)), "--reps", str(max(args.repeat, 3))]
        native = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    log(f"{len(queries)} page loads in {args.browser}")
    records = run_browser(os.path.abspath(args.browser), os.path.abspath(args.dist), queries, args.out, args.timeout)
    rows, problems, seq_per_call = summarise(records, native, args)
    if len(records) < len(queries):
        problems.append(f"only {len(records)} of {len(queries)} page loads finished")
    ua = next((r["payload"]["environment"]["user_agent"] for r in records if "payload" in r), "")
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.machine()) if os.path.exists("/proc/cpuinfo") else platform.machine()
    meta = {"started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)), "duration_s": time.time() - started,
            "cores": cores, "cpu": cpu, "browser": ua.split(") ")[-1] if ua else os.path.basename(args.browser)}
    text = report(rows, problems, seq_per_call, native, args, meta)
    print(text)
    with open(os.path.join(args.out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump({"meta": meta, "settings": vars(args), "rows": rows, "native": native,
                   "sequential_per_call_ms": seq_per_call, "problems": problems}, f, indent=2)
    with open(os.path.join(args.out, "summary.txt"), "w", encoding="utf-8") as f:
        f.write(text + "\n")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
