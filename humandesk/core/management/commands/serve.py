"""`humandesk serve`: the ASGI server (HTTP + WebSocket) on one port."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve humandesk (HTTP and WebSocket) with uvicorn."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=1)
        parser.add_argument("--quiet", action="store_true", help="no access log")

    def handle(self, *args, host, port, workers, quiet, **options):
        import uvicorn

        from humandesk.demo.personas import login_banner

        banner = login_banner()
        if banner:
            self.stdout.write(banner)
        self.stdout.write(f"humandesk is serving http://{host}:{port}/  (Ctrl+C stops it)")
        uvicorn.run(
            "humandesk.config.asgi:application", host=host, port=port, workers=workers,
            access_log=not quiet, log_level="warning" if quiet else "info", ws_max_size=256 * 1024,
        )
