-- Requests for the Pulya load tool. Arguments (after wrk's "--"):
--   1: a file of requests, one "METHOD /path" per line, sent round-robin
--   2: pipelining depth (requests written per batch on a connection; 1 = plain keep-alive)
--   3: optional body file, sent with every request ("" or "-" for none)
--   4: the body's Content-Type
--   5: optional headers file, one "Name: value" a line, sent with every request ("" or "-" for none)
-- With depth > 1, wrk records one latency per batch (the time until the batch's last response).
local batches = {}
local next_batch = 0

local function gcd(a, b)
  while b ~= 0 do a, b = b, a % b end
  return a
end

function init(args)
  local depth = tonumber(args[2]) or 1
  local body, headers = nil, {}
  if args[3] ~= nil and args[3] ~= "" and args[3] ~= "-" then
    local f = assert(io.open(args[3], "rb"))
    body = f:read("*a")
    f:close()
    headers["Content-Type"] = args[4] or "application/json"
  end
  if args[5] ~= nil and args[5] ~= "" and args[5] ~= "-" then
    for line in io.lines(args[5]) do
      local name, value = line:match("^([^:]+):%s*(.-)%s*$")
      if name ~= nil then
        headers[name] = value
      end
    end
  end
  local singles = {}
  for line in io.lines(args[1]) do
    local method, path = line:match("^(%S+)%s+(%S+)")
    if method ~= nil then
      singles[#singles + 1] = wrk.format(method, path, headers, body)
    end
  end
  local n = #singles
  local count = n / gcd(n, depth)
  for b = 0, count - 1 do
    local parts = {}
    for k = 0, depth - 1 do
      parts[#parts + 1] = singles[((b * depth + k) % n) + 1]
    end
    batches[b + 1] = table.concat(parts)
  end
end

function request()
  next_batch = (next_batch % #batches) + 1
  return batches[next_batch]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "PULYA_RESULT {\"requests\":%d,\"durationUs\":%d,\"bytes\":%d,\"p50Us\":%d,\"p90Us\":%d,\"p99Us\":%d,\"maxUs\":%d,\"connectErrors\":%d,\"readErrors\":%d,\"writeErrors\":%d,\"statusErrors\":%d,\"timeouts\":%d}\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
