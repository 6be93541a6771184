-- Members' sessions and the update form, shared by the benchmark scripts.
--
-- BENCH_SESSIONS names a file of session keys (one a line, made by manage.py
-- bench); without it requests are a signed-out visitor's. Each thread walks the
-- members from BENCH_OFFSET in steps of BENCH_THREADS, so consecutive requests
-- come from different members. Posts walk them on their own count, so where
-- reads and posts mix (the soak) every member posts in turn and each rarely
-- (rate limits apply: one post in ten seconds, ten a day).

sessions = {}
local file = os.getenv("BENCH_SESSIONS") or ""
if file ~= "" then
  for line in io.lines(file) do
    if line ~= "" then
      sessions[#sessions + 1] = line
    end
  end
end
local csrf = os.getenv("BENCH_CSRF") or ""
local offset = tonumber(os.getenv("BENCH_OFFSET") or "0")
local stride = tonumber(os.getenv("BENCH_THREADS") or "1")
local run_id = os.getenv("BENCH_RUN") or "run"
local turns = { read = 0, post = 0 }

-- What a browser asks for: every page is measured gzipped, as it is served.
local accept_encoding = "gzip, deflate, br, zstd"

function member_headers(kind)
  if #sessions == 0 then
    return { ["Accept-Encoding"] = accept_encoding }
  end
  kind = kind or "read"
  local index = (offset + thread_id + turns[kind] * stride) % #sessions + 1
  turns[kind] = turns[kind] + 1
  return {
    Cookie = "sessionid=" .. sessions[index] .. "; csrftoken=" .. csrf,
    ["Accept-Encoding"] = accept_encoding,
  }
end

local lines = {
  "Checking in after work. The evening meeting helped a lot tonight.",
  "Slept better this week and took the dog for a long walk this morning.",
  "Called my sponsor when the cravings came. Still steady.",
  "Grateful for this group. One day at a time.",
}

local function form_encode(value)
  return (string.gsub(value, "[^%w%-_%.~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

local written = 0

function post_request(path)
  written = written + 1
  posts_sent = posts_sent + 1
  -- A token no other post has: run, thread and counter.
  local text = lines[written % #lines + 1]
    .. " (bench " .. run_id .. " t" .. thread_id .. " n" .. written .. ")"
  local headers = member_headers("post")
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  local body = "body=" .. form_encode(text) .. "&picture_alt=&csrfmiddlewaretoken=" .. csrf
  return wrk.format("POST", path, headers, body)
end
