"""The identity check (本人確認) screens: `page.IdentityPage`."""
