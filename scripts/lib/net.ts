import net from 'node:net';

/** A free TCP port on loopback: the preferred one when it is free, any other otherwise. */
export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.unref();
      server.on('error', reject);
      server.listen({ port, host: '127.0.0.1' }, () => {
        const address = server.address() as net.AddressInfo;
        server.close(() => resolve(address.port));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      /* taken: any free port will do */
    }
  }
  return tryPort(0);
}
