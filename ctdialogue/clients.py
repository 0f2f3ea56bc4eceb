"""The client's address: who sent a request, as far as the proxies we trust can tell.

The login lockout (django-axes, ``AXES_CLIENT_IP_CALLABLE``) and the API's rate limit
(``output/api.py``) both count by ``client_address()``, so neither can be dodged with a
forged header, and clients behind our own reverse proxy are not lumped into one address.

``settings.TRUSTED_PROXIES`` says whom to believe (``DJANGO_TRUSTED_PROXIES``):

- ``0`` (the default): nobody. The address is ``REMOTE_ADDR``, the other end of the
  connection; ``X-Forwarded-For`` is ignored, whatever it says.
- a number N: the last N hops are our proxies, each appending the address it saw to
  ``X-Forwarded-For`` (nginx's ``$proxy_add_x_forwarded_for``). The client is the N-th
  entry counted from the right; whatever stands left of it was written by the client.
- a list of networks: every address in them is one of our proxies. Walking from
  ``REMOTE_ADDR`` leftwards through ``X-Forwarded-For``, the first address outside
  them is the client. A request whose ``REMOTE_ADDR`` is not a proxy of ours is
  believed on ``REMOTE_ADDR`` alone.
"""

import ipaddress

from django.conf import settings


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def forwarded_chain(request) -> list[str]:
    """``X-Forwarded-For`` then ``REMOTE_ADDR``: every hop, the nearest last."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    return [*hops, request.META.get("REMOTE_ADDR", "")]


def _by_count(chain: list[str], count: int) -> str:
    # chain[-1] is the nearest proxy; chain[-1 - count] is what the farthest one saw.
    # With fewer hops than proxies, the leftmost is the best anyone can say.
    return chain[max(len(chain) - 1 - count, 0)]


def _by_networks(chain: list[str], networks) -> str:
    client = chain[-1]
    for hop in reversed(chain):
        address = _address(hop)
        if address is None:
            return client  # no proxy of ours writes this: stop at the last one we trust
        client = hop
        if not any(address in network for network in networks):
            return client
    return client


def client_address(request) -> str | None:
    """The address the request came from, trusting only ``settings.TRUSTED_PROXIES``."""
    trusted = settings.TRUSTED_PROXIES
    remote = request.META.get("REMOTE_ADDR")
    if not trusted:
        return remote
    chain = forwarded_chain(request)
    if isinstance(trusted, int):
        found = _by_count(chain, trusted)
    else:
        found = _by_networks(chain, [ipaddress.ip_network(net, strict=False) for net in trusted])
    return found if _address(found) is not None else remote
