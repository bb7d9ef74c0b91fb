{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{{_ Confirm your new e-mail address for Rekrut}}</title>
</head>
<body>
<p>{{_ Hello}} {{NAME}}</p>
<p>{{_ Your e-mail address in Rekrut is to be changed to this address. Confirm it with this link within 72 hours; until then the old address stays in use. The link works once. If you did not expect this mail, ignore it.}}</p>
<p><a href="{{LINK}}">{{LINK}}</a></p>
</body>
</html>
