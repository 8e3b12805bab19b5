-- Prepended to every wrk script of Keycard's benchmarks: prints one machine-readable RESULT line
-- (latencies in microseconds) that the report reads. Scripts with their own counters override done().
threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- Sums a numeric global over every wrk thread.
function total(name)
  local n = 0
  for _, t in ipairs(threads) do
    n = n + (t:get(name) or 0)
  end
  return n
end

function report(summary, latency, extra)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx=%d socket_errors=%d%s\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.status, e.connect + e.read + e.write + e.timeout, extra or ""))
end

function done(summary, latency, requests)
  report(summary, latency, "")
end
