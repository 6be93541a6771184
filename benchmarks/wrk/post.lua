-- POST an update to the URL wrk was given, as a different member each time.
local dir = os.getenv("BENCH_LUA_DIR")
dofile(dir .. "/report.lua")
dofile(dir .. "/members.lua")

function request()
  return post_request(nil)
end
