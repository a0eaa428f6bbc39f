// HTTP CONNECT proxy for Firefox, which has no --host-resolver-rules: its SSL proxy points here and
// every tunnel ends at the fake server, which then routes by Host header / SNI as usual.
import http from 'node:http';
import net from 'node:net';

/**
 * HTTP CONNECT proxy that tunnels every CONNECT (whatever host:port it names) to
 * 127.0.0.1:targetPort. Firefox has no host-resolver-rules; point its SSL proxy here instead.
 * Plain (non-CONNECT) requests get 405.
 * @param {number} targetPort the fake server's port
 * @returns {Promise<{ port: number, connects: { at: number, target: string }[], close(): Promise<void> }>}
 */
export async function startConnectProxy(targetPort) {
  const sockets = new Set();
  const connects = [];
  const proxy = http.createServer((_req, res) => {
    res.writeHead(405);
    res.end('CONNECT only');
  });
  proxy.on('connect', (req, client, head) => {
    connects.push({ at: Date.now(), target: req.url });
    const upstream = net.connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head?.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      s.on('close', () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: /** @type {import('node:net').AddressInfo} */ (proxy.address()).port,
    connects,
    async close() {
      for (const s of sockets) s.destroy();
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(() => resolve()));
    },
  };
}
