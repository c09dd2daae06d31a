"""Command-line commands: one module each, with ``register(subparsers)`` and ``run(args, ctx)``.

``villagedesk.cli`` imports the modules listed in ``KNOWN_COMMANDS`` that exist.
"""
