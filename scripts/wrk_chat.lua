-- wrk script for 'make bench': POST /chat the way the benchmark's conversations do, so the server does the same
-- work for both. Each wrk thread keeps one session per connection (WRK_SESSIONS in all, split over the threads);
-- session k's n-th message is the n-th line of the benchmark's script (cycling through its four lines), and after
-- WRK_ROUNDS messages the session is replaced by a new one, like a new conversation.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local lines = {"Hello there!", "What is your name?", "I live in Paris.", "Where do I live?"}
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  counter = 0
  local total = tonumber(os.getenv("WRK_SESSIONS") or "64")
  local count = tonumber(os.getenv("WRK_THREADS") or "1")
  sessions = math.max(1, math.floor(total / count))
  rounds = tonumber(os.getenv("WRK_ROUNDS") or "50")
end

request = function()
  local slot = counter % sessions
  local turn = math.floor(counter / sessions)
  counter = counter + 1
  local session = "wrk-" .. id .. "-" .. math.floor(turn / rounds) .. "-" .. slot
  local line = lines[(turn % rounds) % #lines + 1]
  return wrk.format(nil, nil, nil, '{"session": "' .. session .. '", "message": "' .. line .. '"}')
end
