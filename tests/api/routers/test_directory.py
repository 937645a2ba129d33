"""/api/v1/me, /users, /teams, /inboxes: the workspace as the token's user sees it."""


def test_users_lists_active_staff_of_the_workspace(api, anna, kate, olga):
    """Deactivated staff are left out; roles and languages are included."""
    kate.is_active = False
    kate.save()
    users = api.get("/users").json()
    assert [(u["username"], u["role"]) for u in users] == [("anna", "agent"), ("olga", "lead")]


def test_teams_list_their_members(api, first_line, anna, kate):
    """Each team comes with its members' ids, in a fixed number of queries."""
    first_line.members.add(kate)
    teams = api.get("/teams").json()
    assert teams == [{"id": first_line.pk, "name": first_line.name, "members": sorted([anna.pk, kate.pk])}]


def test_inboxes_list_where_conversations_can_open(api, widget_inbox, first_line):
    """Inboxes carry their channel type and default team."""
    widget_inbox.default_team = first_line
    widget_inbox.save()
    assert api.get("/inboxes").json() == [{
        "id": widget_inbox.pk, "name": widget_inbox.name, "channel_type": "widget",
        "language": "ru", "default_team": first_line.pk,
    }]
