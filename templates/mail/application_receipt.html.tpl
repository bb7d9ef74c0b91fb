{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{{_ We have received your application}}</title>
</head>
<body>
<p>{{_ Hello}} {{NAME}}</p>
<p>{{_ Thank you for your application for the position}} {{TITLE}} ({{INSTITUTION}}).
{{_ Your reference number is}} {{REFERENCE}}.</p>
<p>{{_ With your personal link you can see your application and its status, change it until the deadline, withdraw it and download what we hold about you. Keep the link to yourself:}}</p>
<p><a href="{{LINK}}">{{LINK}}</a></p>
</body>
</html>
