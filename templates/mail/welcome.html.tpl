{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{{_ Your account in Rekrut}}</title>
</head>
<body>
<p>{{_ Hello}} {{NAME}}</p>
<p>{{_ An account has been created for you in Rekrut. Choose your password with this link within 72 hours. The link works once:}}</p>
<p><a href="{{LINK}}">{{LINK}}</a></p>
</body>
</html>
