"""Round-robin TCP balancer for the two-node load test (issue 16), 127.0.0.1 only.

    python bench/load/balancer.py --listen 8179 --backend 8177 --backend 8178 [--max-seconds 1800]

Each accepted connection goes to the next backend (layer 4, as a TCP balancer in front of Odoo does): a
browser's keep-alive connection stays on one node, the next connection goes to the other one, so two users
(or one user's two connections) are served by different nodes and the session store must be shared. Only
loopback addresses are listened on and forwarded to; the process stops by itself after ``--max-seconds``.
Counts per backend are printed at the end (and on SIGTERM).
"""

import argparse
import asyncio
import itertools
import signal
import sys

HOST = "127.0.0.1"


async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        try:
            writer.close()
        except RuntimeError:
            pass


class Balancer:
    def __init__(self, backends):
        self.backends = backends
        self.cycle = itertools.cycle(range(len(backends)))
        self.counts = [0] * len(backends)

    async def handle(self, client_reader, client_writer):
        index = next(self.cycle)
        try:
            backend_reader, backend_writer = await asyncio.open_connection(HOST, self.backends[index])
        except (OSError, asyncio.CancelledError):  # the backend is down, or the balancer is stopping
            client_writer.close()
            return
        self.counts[index] += 1
        await asyncio.gather(pipe(client_reader, backend_writer), pipe(backend_reader, client_writer))

    def report(self):
        return ", ".join(f"{HOST}:{port} {n} connections" for port, n in zip(self.backends, self.counts, strict=True))


async def main(args):
    balancer = Balancer(args.backend)
    server = await asyncio.start_server(balancer.handle, HOST, args.listen, backlog=256)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print(f"balancer on {HOST}:{args.listen} -> {args.backend}", flush=True)
    async with server:
        try:
            await asyncio.wait_for(stop.wait(), args.max_seconds)
        except TimeoutError:
            pass
    print("balancer:", balancer.report(), flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listen", type=int, required=True)
    parser.add_argument("--backend", type=int, action="append", required=True, help="a port of 127.0.0.1")
    parser.add_argument("--max-seconds", type=int, default=1800)
    sys.exit(asyncio.run(main(parser.parse_args())))
