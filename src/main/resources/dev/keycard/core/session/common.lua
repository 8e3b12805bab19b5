-- Shared by every Keycard script (prepended when the script is loaded).
-- A session is the hash <prefix>session:<id>; a user's sessions are the set <prefix>user:<userId>:sessions;
-- <prefix>session-expiry is a sorted set of session ids scored by expiresAt, for purging by Keycard's clock.
-- Times are epoch milliseconds.
local function session_key(prefix, sid)
  return prefix .. 'session:' .. sid
end

local function user_key(prefix, uid)
  return prefix .. 'user:' .. uid .. ':sessions'
end

-- Keeps a user's set of session ids at least until expires_at, so it outlives every session it lists.
local function extend_index(ukey, expires_at)
  local t = redis.call('TIME')
  local now_ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  local ttl = redis.call('PTTL', ukey)
  if ttl == -1 or now_ms + ttl < expires_at then
    redis.call('PEXPIREAT', ukey, expires_at)
  end
end
