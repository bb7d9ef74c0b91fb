{{_ Choose a new password for Rekrut}}
