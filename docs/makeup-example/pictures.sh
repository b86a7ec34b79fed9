# The example's two pictures, drawn with ImageMagick (a photo-like JPEG, a chart PNG with alpha).
cd "$(dirname "$0")"
convert -size 1200x800 gradient:skyblue-darkgreen -fill white -draw "rectangle 200,300 500,700" \
  -fill orange -draw "circle 900,300 900,150" photo.jpg
convert -size 800x600 xc:none -fill navy -draw "rectangle 100,300 200,550" -fill firebrick \
  -draw "rectangle 300,150 400,550" -fill darkgreen -draw "rectangle 500,50 600,550" \
  -fill black -draw "line 50,560 750,560" chart.png
