-- Shared by Keycard's login-throttle scripts (prepended when a script is loaded).
-- A failure window is the hash {start, failures}. start is the first failure's time in epoch milliseconds by
-- Keycard's clock, passed in like now, so windows are measured exactly as the in-memory throttle measures them;
-- Redis expires the hash one window after it was created, which only reclaims memory.

-- Milliseconds the key is still refused at now; 0 when it is not.
local function blocked_for(key, now, window, max_failures)
  local w = redis.call('HMGET', key, 'start', 'failures')
  local start, failures = tonumber(w[1]), tonumber(w[2])
  if start == nil or failures == nil or failures < max_failures or now >= start + window then
    return 0
  end
  return start + window - now
end

-- Counts a failure at now, starting a new window if there is none or it has ended; 1 when this failure is the one
-- that spends the budget, else 0.
local function count_failure(key, now, window, max_failures)
  local start = tonumber(redis.call('HGET', key, 'start'))
  local failures
  if start ~= nil and now < start + window then
    failures = redis.call('HINCRBY', key, 'failures', 1)
  else
    redis.call('HSET', key, 'start', string.format('%d', now), 'failures', '1')
    redis.call('PEXPIRE', key, window)
    failures = 1
  end
  if failures == max_failures then
    return 1
  end
  return 0
end
