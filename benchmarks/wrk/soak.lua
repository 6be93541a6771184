-- The soak: members reading (BENCH_READS, comma-separated paths) and, every
-- BENCH_POST_EVERY-th request, posting an update to BENCH_POST_PATH. Every
-- acknowledged post id goes to the file BENCH_ACKED (written in done()).
local dir = os.getenv("BENCH_LUA_DIR")
dofile(dir .. "/report.lua")
dofile(dir .. "/members.lua")

local reads = {}
for read_path in string.gmatch(os.getenv("BENCH_READS") or "/", "[^,]+") do
  reads[#reads + 1] = read_path
end
local post_path = os.getenv("BENCH_POST_PATH")
local every = tonumber(os.getenv("BENCH_POST_EVERY") or "5")
local sent = 0

function request()
  sent = sent + 1
  if sent % every == 0 then
    return post_request(post_path)
  end
  return wrk.format("GET", reads[sent % #reads + 1], member_headers())
end
