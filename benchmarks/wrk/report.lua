-- Counting and reporting, shared by get.lua, post.lua and soak.lua.
--
-- wrk runs one Lua state per thread plus one for setup() and done(), so each
-- thread counts in its own globals and done() adds them up through the thread
-- handles kept by setup(). Responses are classified by what they are, since a
-- thread's connections interleave: 200 is a page, 302 to /posts/<id>/ an
-- acknowledged post, 429 or 400 a refusal (rate limit, re-shown form), 5xx a
-- server error, anything else (say a redirect to sign-in) unexpected.

ok, refused, server_errors, unexpected, posts_sent = 0, 0, 0, 0, 0
acked = {}
thread_id = 0

local threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  threads[#threads + 1] = thread
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  elseif status == 302 then
    local id = string.match(headers["Location"] or "", "^/posts/(%d+)/$")
    if id then
      ok = ok + 1
      acked[#acked + 1] = id
    else
      unexpected = unexpected + 1
    end
  elseif status == 429 or status == 400 then
    refused = refused + 1
  elseif status >= 500 then
    server_errors = server_errors + 1
  else
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local totals = { ok = 0, refused = 0, server_errors = 0, unexpected = 0, posts_sent = 0 }
  local acked_path = os.getenv("BENCH_ACKED") or ""
  local out = acked_path ~= "" and io.open(acked_path, "w") or nil
  for _, thread in ipairs(threads) do
    for key in pairs(totals) do
      totals[key] = totals[key] + (thread:get(key) or 0)
    end
    if out then
      for _, id in ipairs(thread:get("acked") or {}) do
        out:write(id, "\n")
      end
    end
  end
  if out then
    out:close()
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests": %d, "seconds": %.3f, "p50_ms": %.3f, "p95_ms": %.3f, '
      .. '"p99_ms": %.3f, "ok": %d, "refused": %d, "server_errors": %d, '
      .. '"unexpected": %d, "posts_sent": %d, "socket_errors": %d, "non_2xx_3xx": %d}\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3,
    totals.ok, totals.refused, totals.server_errors, totals.unexpected,
    totals.posts_sent,
    errors.connect + errors.read + errors.write + errors.timeout, errors.status
  ))
end
