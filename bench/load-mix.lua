-- A realistic mix for bench/load-mix.sh: of every 20 requests, 8 incident-list pages
-- (first page, a filter, a search, a deep page), 6 incident pages, 3 checklist steps ticked
-- done through the API and 3 suspicious mails analysed through the API. Pages use the
-- signed-in session cookie, API calls a personal API token (no password hashing per
-- request). Each wrk thread ticks its own share of the steps in target/load-steps.txt, each
-- step once.
local threads = {}
local id = 0

function setup(thread)
  thread:set("thread_id", id)
  id = id + 1
  table.insert(threads, thread)
end

local function lines(path)
  local result = {}
  for line in io.lines(path) do table.insert(result, line) end
  return result
end

function init(args)
  session = os.getenv("SESSION")
  token = os.getenv("TOKEN")
  thread_count = tonumber(os.getenv("THREADS"))
  local file = io.open("bench/sample-spoofed.eml", "rb")
  mail = file:read("*a")
  file:close()
  steps = lines("target/load-steps.txt")
  incidents = lines("target/load-incidents.txt")
  lists = { "/incidents", "/incidents?status=TRIAGED", "/incidents?q=%E8%AB%8B%E6%B1%82",
            "/incidents?severity=HIGH&assignee=staff" }
  n = 0
  next_step = thread_id + 1
  sent = { list = 0, detail = 0, tick = 0, analyse = 0 }
end

function request()
  n = n + 1
  local k = n % 20
  local page = { ["Cookie"] = "JSESSIONID=" .. session }
  if k < 8 then
    sent.list = sent.list + 1
    return wrk.format("GET", lists[(n % #lists) + 1], page)
  elseif k < 14 then
    sent.detail = sent.detail + 1
    return wrk.format("GET", "/incidents/" .. incidents[(n * 7919 % #incidents) + 1], page)
  elseif k < 17 and next_step <= #steps then
    sent.tick = sent.tick + 1
    local incident, step = steps[next_step]:match("(%d+) (%d+)")
    next_step = next_step + thread_count
    return wrk.format("POST", "/api/v1/incidents/" .. incident .. "/checklist/steps/" .. step .. "/status",
      { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" },
      '{"status": "DONE", "resultNote": "load test"}')
  else
    sent.analyse = sent.analyse + 1
    return wrk.format("POST", "/api/v1/mail-analysis",
      { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "message/rfc822" }, mail)
  end
end

function done(summary, latency, requests)
  local totals = { list = 0, detail = 0, tick = 0, analyse = 0 }
  for _, thread in ipairs(threads) do
    local counts = thread:get("sent")
    for key, value in pairs(counts) do totals[key] = totals[key] + value end
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    + summary.errors.status
  io.write(string.format("RESULT rps=%.1f p50=%.1f p95=%.1f p99=%.1f errors=%d non2xx=%d requests=%d" ..
    " list=%d detail=%d tick=%d analyse=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, errors, summary.errors.status, summary.requests,
    totals.list, totals.detail, totals.tick, totals.analyse))
end
