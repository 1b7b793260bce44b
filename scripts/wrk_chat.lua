-- wrk script for 'make bench': POST /chat with a JSON message, spread over 1,000 sessions like many conversations.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, nil, nil, '{"session": "wrk-' .. (counter % 1000) .. '", "message": "Hello, how are you today?"}')
end
