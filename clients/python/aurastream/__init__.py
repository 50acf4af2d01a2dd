"""AuraStream's Python client: AuraRPC (Protocol/SPEC.md) over TCP or TLS, standard library only."""
from .client import Client, SubmitSource, tls_context
from .connection import Call, Connection
from .frames import Settings
from .messages import *  # noqa: F401,F403  (the message classes of aura.proto)
from .status import AuraError, Metadata, StatusCode

__all__ = ["AuraError", "Call", "Client", "Connection", "Metadata", "Settings", "StatusCode", "SubmitSource",
           "tls_context"]
__version__ = "1.0.0"
