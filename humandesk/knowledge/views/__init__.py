"""Help-centre pages for customers (`help_centre`) and article editing for staff (`manage`)."""
