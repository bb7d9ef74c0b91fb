{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{{_ Your e-mail address in Rekrut is being changed}}</title>
</head>
<body>
<p>{{_ Hello}} {{NAME}}</p>
<p>{{_ A change of your e-mail address in Rekrut to this address has been asked for:}}</p>
<p>{{NEW_EMAIL}}</p>
<p>{{_ The address changes only when the change is confirmed from the new address. If you did not ask for this, contact your institution's user administration at once.}}</p>
</body>
</html>
