module github.com/accord-news/accord

go 1.26.8
