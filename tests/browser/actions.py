"""Steps shared by browser tests."""


def login(page, base_url: str, username: str) -> None:
    from humandesk.demo.personas import DEMO_PASSWORD

    page.goto(base_url + "/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
