{{_ Your account in Rekrut}}
