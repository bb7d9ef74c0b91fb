{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{{_ Choose a new password for Rekrut}}</title>
</head>
<body>
<p>{{_ Hello}} {{NAME}}</p>
<p>{{_ Use this link within 30 minutes to choose a new password. The link works once. If you did not ask for it, ignore this mail.}}</p>
<p><a href="{{LINK}}">{{LINK}}</a></p>
</body>
</html>
