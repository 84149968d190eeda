// Runs the npm bittorrent-tracker server with only its WebSocket tracker (no UDP, no HTTP announce, no
// stats page) for our integration tests. Usage: node server.mjs <port> [host] [intervalMs]
// Prints "listening <port>" once ready; exits on SIGTERM/SIGINT.
import Server from 'bittorrent-tracker/server'

const port = Number(process.argv[2] ?? 0)
const host = process.argv[3] ?? '127.0.0.1'
const intervalMs = Number(process.argv[4] ?? 10 * 60 * 1000)

const server = new Server({ udp: false, http: false, ws: true, stats: false, interval: intervalMs })
server.on('error', err => {
  console.error(`error ${err.message}`)
  process.exit(1)
})
server.on('warning', err => console.error(`warning ${err.message}`))
server.on('listening', () => {
  console.log(`listening ${server.ws.address().port}`)
})
server.listen(port, host)

// Close gracefully, but do not wait for clients to leave: the tests restart trackers on the same port.
const stop = () => {
  server.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 200).unref()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
