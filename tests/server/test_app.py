"""The server's socket: connections it accepts send small answers at once (TCP_NODELAY)."""

from __future__ import annotations

import asyncio
import socket

from newsgraph.server.app import _listen


def test_accepted_connections_do_not_wait_for_delayed_acks() -> None:
    """asyncio sets TCP_NODELAY only on a socket whose protocol is TCP; without it a small
    answer on a kept-alive connection waited 40 ms for the client's delayed ACK."""
    listening = _listen("127.0.0.1", 0)

    async def accepted_nodelay() -> int:
        found: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            accepted = writer.get_extra_info("socket")
            found.set_result(accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connect, sock=listening)
        _, client = await asyncio.open_connection(*listening.getsockname())
        value = await asyncio.wait_for(found, 10)
        client.close()
        server.close()
        await server.wait_closed()
        return value

    assert asyncio.run(accepted_nodelay()) != 0
