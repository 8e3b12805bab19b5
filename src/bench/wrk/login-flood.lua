-- A wrong-password login flood on one account, counting the answers by status. Arguments: email.
function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = string.format('{"email":"%s","password":"not-the-password"}', args[1])
  s401, s429, s503, other = 0, 0, 0, 0
end

function response(status, headers, body)
  if status == 401 then s401 = s401 + 1
  elseif status == 429 then s429 = s429 + 1
  elseif status == 503 then s503 = s503 + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  report(summary, latency, string.format(" s401=%d s429=%d s503=%d other=%d",
    total("s401"), total("s429"), total("s503"), total("other")))
end
