//! What Python does since the reference articles (free-threading, the
//! convoy effect, races version by version, connection limits, keeping the
//! event loop free), as the sentences that explanations and page texts quote,
//! each citing its source (`../shared/LESSONS.md`, "Since the articles").
//! Text only; the lessons carry the same facts in `lessons.en.json`.

/// `threads` and `gil` against the two CPythons of 2026.
pub const WHICH_PYTHON: &str = "threads run like free-threaded CPython (python3.14t, no GIL); \
     gil runs like default CPython, with its GIL";

/// Free-threaded CPython's measured speed.
pub const FREE_THREADED_SPEED: &str = "Free-threaded CPython (python3.14t, officially supported \
     since 3.14) has no GIL: fib(34) on 8 threads took 1.03 s there against 4.10 s with the GIL \
     (CPython issue #118749)";

/// What free-threading costs single-threaded code.
pub const FREE_THREADED_COST: &str = "Its cost for single-threaded code fell from about 40% in \
     3.13 to about 1-8% in 3.14 (CPython's free-threading HOWTO)";

/// The convoy effect's reference figure.
pub const CONVOY: &str = "In default CPython, one CPU-bound thread cut an I/O-bound echo server \
     from about 30,000 to about 100 requests per second at the default 5 ms switch interval \
     (V. Skvortsov, \"Python behind the scenes #13\")";

/// The switch interval's trade-off, in Python's terms.
pub const SWITCH_TRADE_OFF: &str = "sys.setswitchinterval() sets how long a waiting thread waits \
     before it asks for the GIL: shorter helps the I/O thread and costs the CPU threads more \
     hand-overs";

/// Races under CPython with the GIL.
pub const RACE_WITH_GIL: &str = "In CPython 3.10+ with the GIL, an unlocked `counter += 1` in \
     threads usually gives the right total, by luck: threads switch only at certain points \
     (CPython issue #134212; CPython 3.11 lost none of 2 x 1,000,000 here)";

/// Races without a GIL.
pub const RACE_FREE_THREADED: &str = "Free-threaded CPython 3.13t loses updates (CPython issue \
     #125646), and WASM threads here behave like it";

/// How Python keeps a blocking call off the event loop.
pub const UNBLOCK_THE_LOOP: &str = "In Python, move a blocking call off the loop with \
     `await asyncio.to_thread(f)` or `await loop.run_in_executor(None, f)`, and pause with \
     `await asyncio.sleep()`, never `time.sleep()`";

/// Browsers' connection limit per host.
pub const CONNECTION_LIMIT: usize = 6;

/// What the connection limit means for a user's own URL.
pub const OWN_URL_LIMIT: &str = "Browsers open at most 6 HTTP/1.1 connections per host, so async \
     requests to an HTTP/1.1 server of your own go at most 6 at a time, like a pool of 6 \
     (Python's aiohttp allows 100 by default)";

/// Why the simulated server has no such limit.
pub const SIMULATED_NO_LIMIT: &str = "The simulated server has no such limit: it answers inside \
     the browser, in this page's service worker, without any network connection";
