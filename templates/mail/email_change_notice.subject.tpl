{{_ Your e-mail address in Rekrut is being changed}}
