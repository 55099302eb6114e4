"""The administrator's read model, wired only into an administrator's console (the others have
no admin dock to feed)."""

from __future__ import annotations


def admin_read_models(user) -> list:
    from commandroom.models.enums import Role
    from commandroom.models.orgdata.view import load_org_changes, load_org_view
    from commandroom.services.feed_pump import ReadModel
    from commandroom.views.admin.admin_panel import READ_MODEL

    if user is None or user.role != Role.ADMIN:
        return []
    return [ReadModel(READ_MODEL, load_org_view, load_org_changes)]
