-- KEYS[1]: the account's window, KEYS[2]: the client's window.
-- ARGV: now (epoch ms), window (ms), failures allowed per account, failures allowed per client.
-- Returns how many milliseconds the attempt is still refused for; 0 when it may go ahead.
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
return math.max(blocked_for(KEYS[1], now, window, tonumber(ARGV[3])),
                blocked_for(KEYS[2], now, window, tonumber(ARGV[4])))
