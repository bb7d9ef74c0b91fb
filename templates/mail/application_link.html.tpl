{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{{_ Your link to your application}}</title>
</head>
<body>
<p>{{_ Hello}} {{NAME}}</p>
<p>{{_ You asked for a new link to your application}} {{REFERENCE}} ({{TITLE}}). {{_ Keep the link to yourself:}}</p>
<p><a href="{{LINK}}">{{LINK}}</a></p>
<p>{{_ If you did not ask for it, you can ignore this mail.}}</p>
</body>
</html>
