{{_ Confirm your new e-mail address for Rekrut}}
