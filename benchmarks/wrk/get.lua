-- GET the URL wrk was given, as a different member each time (or as a visitor).
local dir = os.getenv("BENCH_LUA_DIR")
dofile(dir .. "/report.lua")
dofile(dir .. "/members.lua")

function request()
  return wrk.format("GET", nil, member_headers())
end
