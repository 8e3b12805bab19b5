-- Refresh rotations over HTTP. Run with as many threads as connections (-tN -cN) so that each thread owns one
-- connection and one cookie chain: its first request logs in, every later one presents the refresh cookie that
-- the previous answer set. A refused refresh logs in again. Arguments: email password.
function init(args)
  email, password = args[1], args[2]
  cookie = nil
  refreshed, failed, logins = 0, 0, 0
end

function request()
  if cookie == nil then
    return wrk.format("POST", "/api/login", { ["Content-Type"] = "application/json" },
      string.format('{"email":"%s","password":"%s"}', email, password))
  end
  return wrk.format("POST", "/api/auth/refresh", { ["Cookie"] = cookie }, nil)
end

function response(status, headers, body)
  local set = headers["Set-Cookie"] or headers["set-cookie"]
  if status == 200 and set ~= nil then
    if cookie == nil then
      logins = logins + 1
    else
      refreshed = refreshed + 1
    end
    cookie = set:match("^([^;]+)")
  else
    failed = failed + 1
    cookie = nil
  end
end

function done(summary, latency, requests)
  report(summary, latency, string.format(" refreshed=%d failed=%d logins=%d",
    total("refreshed"), total("failed"), total("logins")))
end
