"""Members' own accounts: their profile, their data, deleting the account, and the
two-factor authentication that CMS users must use. Signing in itself is django-allauth's."""
