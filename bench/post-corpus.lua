-- wrk script: POST the mails of a corpus directory in turn (each thread starts at its own
-- offset), with the Authorization header from the environment (WRK_AUTHORIZATION), and
-- print requests/s, the bytes of mail posted per second and the non-200 answers.
--   WRK_CORPUS=dir WRK_AUTHORIZATION="Bearer ..." wrk -t4 -c4 -d20s -s bench/post-corpus.lua URL
local corpus = os.getenv("WRK_CORPUS")
local authorization = os.getenv("WRK_AUTHORIZATION")
local mails = {}
index = 0
posted = 0

local function read(path)
  local file = assert(io.open(path, "rb"))
  local content = file:read("*a")
  file:close()
  return content
end

local count = tonumber(read(corpus .. "/count"))
for i = 1, count do
  mails[i] = read(string.format("%s/%05d.eml", corpus, i))
end

local threads = {}
setup = function(thread)
  thread:set("offset", #threads * 97)
  table.insert(threads, thread)
end

init = function()
  index = offset or 0
end

request = function()
  index = index % #mails + 1
  local body = mails[index]
  posted = posted + #body
  return wrk.format("POST", nil, {
    ["Authorization"] = authorization,
    ["Content-Type"] = "message/rfc822"
  }, body)
end

response = function(status)
  if status ~= 200 then
    failed = (failed or 0) + 1
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local bytes, failures = 0, 0
  for _, thread in ipairs(threads) do
    bytes = bytes + (thread:get("posted") or 0)
    failures = failures + (thread:get("failed") or 0)
  end
  io.write(string.format("RESULT rps=%.1f mbps=%.1f p50=%.1f p95=%.1f failed=%d errors=%d\n",
    summary.requests / seconds, bytes / 1e6 / seconds, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, failures,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
